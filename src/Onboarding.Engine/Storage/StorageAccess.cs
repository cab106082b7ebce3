namespace Onboarding.Engine.Storage;

/// <summary>How a <see cref="StorageTransaction"/> coordinates with other transactions, in this process and in other instances.</summary>
public enum StorageAccess
{
    /// <summary>
    /// Reads only, from one consistent snapshot (SQLite: a deferred transaction in WAL mode; PostgreSQL: REPEATABLE READ).
    /// </summary>
    Read,

    /// <summary>
    /// A serialized write: no other <see cref="Write"/> transaction runs meanwhile, in this process or in any other instance
    /// on the same database (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: a transaction-scoped advisory lock). A read-then-write
    /// inside it cannot be overtaken. The default for anything that decides what to write from what it read.
    /// </summary>
    Write,

    /// <summary>
    /// A write that runs beside other writers on PostgreSQL, protected only by the rows it locks or changes (READ COMMITTED):
    /// use it for statements that are safe on their own — an upsert, an insert with <c>ON CONFLICT</c>, a conditional update
    /// whose row count is checked, or a claim with <c>SELECT … FOR UPDATE SKIP LOCKED</c>
    /// (<see cref="SqlDialect.ForUpdateSkipLocked"/>). On SQLite it is the same as <see cref="Write"/> (one writer at a time).
    /// </summary>
    ConcurrentWrite,
}

namespace Onboarding.Engine.Storage;

/// <summary>
/// A write broke a unique index or primary key — the same exception on every provider. On PostgreSQL the failed statement
/// ends the transaction's usefulness: let the exception leave the transaction (which then rolls back) rather than carry on
/// in it; where a duplicate is expected, write <c>ON CONFLICT</c> instead of catching this.
/// </summary>
public sealed class UniqueConstraintException(Exception inner) : Exception("A unique index or primary key refused the write.", inner);

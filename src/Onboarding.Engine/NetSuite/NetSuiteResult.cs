using System.Diagnostics.CodeAnalysis;

namespace Onboarding.Engine.NetSuite;

/// <summary>The outcome of a NetSuite call: a value, or an expected failure explained in plain language.</summary>
public sealed class NetSuiteResult<T>
{
    private NetSuiteResult(T? value, NetSuiteError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public NetSuiteError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static NetSuiteResult<T> Success(T value) => new(value, null);

    public static NetSuiteResult<T> Failure(NetSuiteError error) => new(default, error);

    public static implicit operator NetSuiteResult<T>(NetSuiteError error) => Failure(error);
}

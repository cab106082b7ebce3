using System.Text.Json;

namespace Onboarding.Engine.Storage.Dialects;

/// <summary>A column of a <see cref="JsonRowSet{T}"/>: its name, and how a row's value is written (for rows of T or derived from it).</summary>
public interface IRowSetColumn<in T>
{
    string Name { get; }

    bool IsNumber { get; }

    void Write(Utf8JsonWriter json, T row);
}

/// <summary>A TEXT or INTEGER column of a <see cref="JsonRowSet{T}"/>.</summary>
public sealed class RowSetColumn<T> : IRowSetColumn<T>
{
    private readonly Func<T, string?>? _text;
    private readonly Func<T, long?>? _number;

    private RowSetColumn(string name, Func<T, string?>? text, Func<T, long?>? number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _text = text;
        _number = number;
    }

    public string Name { get; }

    public bool IsNumber => _number is not null;

    /// <summary>A TEXT column (null allowed).</summary>
    public static RowSetColumn<T> Text(string name, Func<T, string?> value) => new(name, value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>An INTEGER column (null allowed).</summary>
    public static RowSetColumn<T> Number(string name, Func<T, long?> value) => new(name, null, value ?? throw new ArgumentNullException(nameof(value)));

    public void Write(Utf8JsonWriter json, T row)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (_number is not null)
        {
            if (_number(row) is { } number)
            {
                json.WriteNumberValue(number);
                return;
            }
        }
        else if (_text!(row) is { } text)
        {
            json.WriteStringValue(text);
            return;
        }

        json.WriteNullValue();
    }
}

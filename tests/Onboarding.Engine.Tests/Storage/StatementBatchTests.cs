using Dapper;
using Onboarding.Engine.Storage.Dialects;

namespace Onboarding.Engine.Tests.Storage;

public sealed class StatementBatchTests
{
    [Fact]
    public void Each_row_gets_the_statement_with_its_own_parameter_names_and_values()
    {
        var (sql, parameters) = StatementBatch.For(
            "UPDATE t SET a = @A, b = @b WHERE id = @Id AND a <> @a",
            [new Row("x", 1, "one"), new Row(null, 2, "two")]);

        Assert.Equal(
            "UPDATE t SET a = @A_0, b = @b_0 WHERE id = @Id_0 AND a <> @a_0;\nUPDATE t SET a = @A_1, b = @b_1 WHERE id = @Id_1 AND a <> @a_1;\n",
            sql);
        Assert.Equal(["A_0", "b_0", "Id_0", "a_0", "A_1", "b_1", "Id_1", "a_1"], parameters.ParameterNames);
        Assert.Equal("x", parameters.Get<string>("a_0"));
        Assert.Equal("x", parameters.Get<string>("A_0"));
        Assert.Null(parameters.Get<string?>("A_1"));
        Assert.Equal(2L, parameters.Get<long>("b_1"));
        Assert.Equal("two", parameters.Get<string>("Id_1"));
    }

    [Fact]
    public void A_parameter_the_row_cannot_fill_is_named()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => StatementBatch.For("DELETE FROM t WHERE id = @Missing", [new Row("x", 1, "one")]));

        Assert.Contains("@Missing", failure.Message, StringComparison.Ordinal);
    }

    private sealed record Row(string? A, long B, string Id);
}

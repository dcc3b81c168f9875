using LrLab.Core.Expressions;

namespace LrLab.Core.Tests.Expressions;

public class FormulaErrorTests
{
    [Theory]
    [InlineData("sin(x))", "unexpected ')' at column 7", 7)]
    [InlineData("foo(x)", "unknown function 'foo' at column 1", 1)]
    [InlineData("x + z", "unknown variable 'z' at column 5", 5)]
    [InlineData("", "empty formula", 1)]
    [InlineData("   ", "empty formula", 1)]
    [InlineData("x*(x + 1", "missing ')' for '(' at column 3", 3)]
    [InlineData("sin(x", "missing ')' for '(' at column 4", 4)]
    [InlineData("x +", "unexpected end of formula at column 4", 4)]
    [InlineData(")", "unexpected ')' at column 1", 1)]
    [InlineData("x y", "unexpected 'y' at column 3", 3)]
    [InlineData("2x", "unexpected 'x' at column 2", 2)]
    [InlineData("(x 2)", "unexpected '2' at column 4", 4)]
    [InlineData("sin()", "unexpected ')' at column 5", 5)]
    [InlineData("sin x", "missing '(' after 'sin' at column 5", 5)]
    [InlineData("x(2)", "unknown function 'x' at column 1", 1)]
    [InlineData("x # 2", "unexpected character '#' at column 3", 3)]
    [InlineData("max(x, y)", "unexpected character ',' at column 6", 6)]
    [InlineData("x ^ * 2", "unexpected '*' at column 5", 5)]
    [InlineData("1e999", "number out of range '1e999' at column 1", 1)]
    [InlineData("x +\ty\u00e9", "unexpected character '\u00e9' at column 6", 6)]
    public void Reports_a_one_line_message_with_the_column(string text, string message, int column)
    {
        var error = Assert.Throws<InputException>(() => CompiledFormula.Parse(text));

        Assert.Equal(message, error.Message);
        Assert.Equal(column, error.Position);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Too_long_formula_is_rejected_with_its_length()
    {
        string text = string.Concat(Enumerable.Repeat("x + ", 153)); // 612 characters

        var error = Assert.Throws<InputException>(() => CompiledFormula.Parse(text));

        Assert.Equal("formula too long (612 characters, limit 500)", error.Message);
        Assert.Equal(501, error.Position);
    }

    [Fact]
    public void Nesting_at_the_limit_parses_and_one_deeper_does_not()
    {
        string atLimit = new string('(', 64) + "x" + new string(')', 64);
        string beyond = new string('(', 65) + "x" + new string(')', 65);

        Assert.Equal("x", CompiledFormula.Parse(atLimit).Text);
        var error = Assert.Throws<InputException>(() => CompiledFormula.Parse(beyond));
        Assert.Equal("nesting deeper than 64 at column 65", error.Message);
        Assert.Equal(65, error.Position);
    }

    [Theory]
    [InlineData('(', "", 10_000)]
    [InlineData('(', "", 499)]
    [InlineData('-', "x", 499)]
    [InlineData('+', "x", 499)]
    [InlineData('-', "x", 100_000)]
    public void Hostile_repetition_is_refused_with_an_input_error(char repeated, string tail, int count)
    {
        // How fast is measured in bench/LrLab.Fuzz (docs/fuzzing.md), not asserted here.
        string text = new string(repeated, count) + tail;

        Assert.Throws<InputException>(() => CompiledFormula.Parse(text));
    }

    [Theory]
    [InlineData("x^", 130)]
    [InlineData("sin(", 260)]
    [InlineData("-(", 65)]
    public void Every_kind_of_nesting_counts_toward_the_limit(string unit, int column)
    {
        string text = string.Concat(Enumerable.Repeat(unit, 120)) + "x";

        var error = Assert.Throws<InputException>(() => CompiledFormula.Parse(text));

        // The 65th opener (exponent, bracket or sign) is the one reported.
        Assert.Equal($"nesting deeper than 64 at column {column}", error.Message);
    }

    [Fact]
    public void Long_flat_sums_are_not_nesting()
    {
        string text = "x" + string.Concat(Enumerable.Repeat(" + x", 120));

        var formula = CompiledFormula.Parse(text);

        Assert.Equal(242.0, formula.Evaluate([2.0]));
    }
}

using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

public sealed class LossLogParserTests
{
    public static TheoryData<string, string?, double[], double[], LossLogFormat> Formats => new()
    {
        { "0.8\n0.5\n\n0.4\n", null, [0.8, 0.5, 0.4], [0, 1, 2], LossLogFormat.Lines },
        { "# my run\r\n0.8\r\nnan\r\ninf\r\n-inf\r\nNaN\r\n-Infinity\r\n", null, [0.8, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.NegativeInfinity], [0, 1, 2, 3, 4, 5], LossLogFormat.Lines },
        { "step,loss\n10,0.8\n20,0.5\n", null, [0.8, 0.5], [10, 20], LossLogFormat.Csv },
        { "epoch,train_loss,val_loss\n1,0.9,1.0\n2,0.7,0.8\n", null, [0.9, 0.7], [1, 2], LossLogFormat.Csv },
        { "epoch,step,train_loss,val_loss\n0,49,0.9,\n0,49,,1.2\n0,99,0.7,\n1,99,,1.0\n", null, [0.9, 0.7], [49, 99], LossLogFormat.Lightning },
        { "Wall time,Step,Value\n1700000000.5,0,2.3\n1700000001.5,50,1.1\n", null, [2.3, 1.1], [0, 50], LossLogFormat.TensorBoard },
        { "step,acc,my_loss\n0,0.1,2.0\n1,0.5,1.0\n", null, [2.0, 1.0], [0, 1], LossLogFormat.Csv },
        { "step,a,b\n0,0.1,2.0\n1,0.5,1.0\n", "b", [2.0, 1.0], [0, 1], LossLogFormat.Csv },
        { "step\tloss\n0\t0.8\n1\t0.6\n", null, [0.8, 0.6], [0, 1], LossLogFormat.Csv },
        { "loss\n0.8\n0.6\n", null, [0.8, 0.6], [0, 1], LossLogFormat.Csv },
        { "step,loss\n0,\"0.8\"\n1,nan\n", null, [0.8, double.NaN], [0, 1], LossLogFormat.Csv },
        { "[0.8, 0.5, NaN, Infinity, -Infinity, null, \"nan\"]", null, [0.8, 0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.NaN], [0, 1, 2, 3, 4, 5, 6], LossLogFormat.Json },
        { "{\"lr\": 0.1, \"meta\": {\"loss\": 1}, \"loss\": [0.8, 0.5]}", null, [0.8, 0.5], [0, 1], LossLogFormat.Json },
        { "{\"history\": [1, 2], \"val\": [0.8, 0.5]}", "val", [0.8, 0.5], [0, 1], LossLogFormat.Json },
        { "[{\"step\": 5, \"loss\": 0.8}, {\"step\": 5, \"val_loss\": 1.0}, {\"step\": 10, \"loss\": 0.6}]", null, [0.8, 0.6], [5, 10], LossLogFormat.Json },
        { "\uFEFF0.8\n0.6\n", null, [0.8, 0.6], [0, 1], LossLogFormat.Lines },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Reads_every_format(string text, string? column, double[] losses, double[] steps, LossLogFormat format)
    {
        var log = LossLogParser.Parse(text, column);
        Assert.Equal(losses, log.Losses);
        Assert.Equal(steps, log.Steps);
        Assert.Equal(format, log.Format);
    }

    public static TheoryData<string, string?, int, string> Errors => new()
    {
        { "0.8\n0.5\nabc\n", null, 3, "'abc' is not a number" },
        { "0.8\n\n\n0.5x\n", null, 4, "'0.5x'" },
        { "step,loss\n0,0.8\n1,oops\n", null, 3, "column 'loss': 'oops'" },
        { "step,loss\n0,0.8,9\n", null, 2, "3 cells" },
        { "step,loss\n0,\"0.8\n", null, 2, "quoted cell" },
        { "step,acc\n0,0.8\n", null, 1, "column must name the loss column" },
        { "step,loss\n0,0.8\n", "val", 1, "no such column" },
        { "step,loss\n0,\n", null, 1, "holds no values" },
        { "0,0.8\n1,0.5\n", null, 1, "no header" },
        { "0.8\n0.5\n", "loss", 1, "no header row" },
        { "", null, 1, "empty" },
        { "  \n# only a comment\n", null, 1, "empty" },
        { "[0.8,\n 0.5,\n \"x\"]", null, 3, "\"x\" is not a number" },
        { "[0.8,\n [1]]", null, 2, "found an array" },
        { "[0.8,\n 0.5", null, 2, "ends early" },
        { "[0.8, 0.5] 7", null, 1, "not valid JSON" },
        { "{\"acc\": [1]}", null, 1, "no \"loss\" array (keys: acc)" },
        { "{\"loss\": 3}", null, 1, "must be an array" },
        { "[{\"acc\": 1}]", null, 1, "no object" },
        { "[0.8,\n\n 0.5,,]", null, 3, "not valid JSON" },
        { "step,loss\n0,0.5\nabc,0.4\n", null, 3, "column 'step'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Unreadable_logs_name_their_line(string text, string? column, int line, string mention)
    {
        var error = Assert.Throws<InputException>(() => LossLogParser.Parse(text, column));
        Assert.StartsWith($"line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Position);
        Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_stream_longer_than_the_limit_is_refused_without_reading_it_all()
    {
        using var reader = new EndlessReader();
        var error = Assert.Throws<InputException>(() => LossLogParser.Parse(reader));
        Assert.Contains("larger than 1024 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_and_a_string_parse_the_same()
    {
        var text = string.Join('\n', Enumerable.Range(0, 200_000).Select(i => (1.0 / (i + 1)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        using var reader = new StringReader(text);
        Assert.Equal(LossLogParser.Parse(text).Losses, LossLogParser.Parse(reader).Losses);
    }

    private sealed class EndlessReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            Array.Fill(buffer, '1', index, count);
            buffer[index + count - 1] = '\n';
            return count;
        }
    }
}

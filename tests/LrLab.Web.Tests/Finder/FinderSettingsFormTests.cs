using LrLab.Core.Finder;
using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Finder;

public sealed class FinderSettingsFormTests
{
    [Theory]
    [InlineData(FinderField.StartLr, "1e-5")]
    [InlineData(FinderField.EndLr, " 2.5 ")]
    [InlineData(FinderField.Iterations, "40")]
    [InlineData(FinderField.Mode, "linear")]
    [InlineData(FinderField.BatchSize, "256")]
    [InlineData(FinderField.Seed, "42")]
    public void A_valid_value_is_used_at_once(FinderField field, string text)
    {
        var form = new FinderSettingsForm(new FinderSettings());
        Assert.True(form.Set(field, text));
        Assert.Null(form.Error(field));
        Assert.False(form.HasErrors);
        var s = form.Settings;
        object value = field switch
        {
            FinderField.StartLr => s.StartLr,
            FinderField.EndLr => s.EndLr,
            FinderField.Iterations => s.Iterations,
            FinderField.Mode => s.Mode,
            FinderField.BatchSize => s.BatchSize,
            _ => s.Seed,
        };
        object expected = field switch
        {
            FinderField.StartLr => 1e-5,
            FinderField.EndLr => 2.5,
            FinderField.Iterations => 40,
            FinderField.Mode => RangeTestMode.Linear,
            FinderField.BatchSize => 256,
            _ => 42,
        };
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(FinderField.StartLr, "0", "Start rate: '0' is not a rate from 1e-10 to 100; the test uses 1e-7.")]
    [InlineData(FinderField.StartLr, "", "Start rate: an empty box is not a rate from 1e-10 to 100; the test uses 1e-7.")]
    [InlineData(FinderField.EndLr, "1e3", "End rate: '1e3' is not a rate from 1e-10 to 100; the test uses 10.")]
    [InlineData(FinderField.EndLr, "ten", "End rate: 'ten' is not a rate from 1e-10 to 100; the test uses 10.")]
    [InlineData(FinderField.Iterations, "9", "Mini-batches: '9' is not a whole number from 10 to 1000; the test uses 100.")]
    [InlineData(FinderField.Iterations, "2000", "Mini-batches: '2000' is not a whole number from 10 to 1000; the test uses 100.")]
    [InlineData(FinderField.Iterations, "50.5", "Mini-batches: '50.5' is not a whole number from 10 to 1000; the test uses 100.")]
    [InlineData(FinderField.BatchSize, "0", "Batch size: '0' is not a whole number from 1 to 1024; the test uses 64.")]
    [InlineData(FinderField.Seed, "-1", "Seed: '-1' is not a whole number from 0 to 2147483647; the test uses 0.")]
    [InlineData(FinderField.Mode, "cosine", "Ramp: 'cosine' is not exp or linear; the test uses exp.")]
    public void A_bad_value_gets_a_message_naming_the_field_and_the_last_valid_value_stays(FinderField field, string text, string message)
    {
        var form = new FinderSettingsForm(new FinderSettings());
        Assert.False(form.Set(field, text));
        Assert.Equal(message, form.Error(field));
        Assert.Equal(new FinderSettings(), form.Settings);
        Assert.Equal(text, form.Text(field));
        Assert.True(form.HasErrors);
    }

    [Fact]
    public void The_start_must_stay_below_the_end_and_the_edited_box_takes_the_blame()
    {
        var form = new FinderSettingsForm(new FinderSettings { StartLr = 1e-4, EndLr = 1 });

        Assert.False(form.Set(FinderField.StartLr, "5"));
        Assert.Equal("Start rate: '5' is not below the end rate (1); the test uses 0.0001.", form.Error(FinderField.StartLr));
        Assert.Null(form.Error(FinderField.EndLr));
        Assert.Equal(1e-4, form.Settings.StartLr);

        // Raising the end makes the waiting start valid: both are used and no message is left.
        Assert.True(form.Set(FinderField.EndLr, "10"));
        Assert.False(form.HasErrors);
        Assert.Equal((5.0, 10.0), (form.Settings.StartLr, form.Settings.EndLr));

        Assert.False(form.Set(FinderField.EndLr, "5"));
        Assert.Equal("End rate: '5' is not above the start rate (5); the test uses 10.", form.Error(FinderField.EndLr));
        Assert.Equal(10, form.Settings.EndLr);
    }

    [Fact]
    public void Another_box_changing_does_not_let_a_conflicting_pair_through()
    {
        var form = new FinderSettingsForm(new FinderSettings { StartLr = 1e-4, EndLr = 1 });
        form.Set(FinderField.StartLr, "5");

        Assert.True(form.Set(FinderField.Iterations, "50"));

        Assert.Equal(50, form.Settings.Iterations);
        Assert.Equal(1e-4, form.Settings.StartLr);
        Assert.NotNull(form.Error(FinderField.StartLr));
    }

    [Fact]
    public void Fixing_a_bad_box_clears_its_message()
    {
        var form = new FinderSettingsForm(new FinderSettings());
        form.Set(FinderField.Iterations, "abc");
        Assert.True(form.Set(FinderField.Iterations, "60"));
        Assert.Null(form.Error(FinderField.Iterations));
        Assert.Equal(60, form.Settings.Iterations);
    }

    [Fact]
    public void The_boxes_start_with_the_settings_in_short_form()
    {
        var form = new FinderSettingsForm(new FinderSettings { StartLr = 1e-7, EndLr = 0.003, Mode = RangeTestMode.Linear, Seed = 9 });
        Assert.Equal(["1e-7", "0.003", "100", "linear", "64", "9"], Enum.GetValues<FinderField>().Select(form.Text));
    }

    [Fact]
    public void The_optimizer_choice_keeps_the_other_settings()
    {
        var form = new FinderSettingsForm(new FinderSettings { Iterations = 30 });
        form.SetOptimizer("adam");
        Assert.Equal(new FinderSettings { Iterations = 30, Optimizer = "adam" }, form.Settings);
    }

    [Theory]
    [InlineData(1e-7, "10⁻⁷")]
    [InlineData(10, "10")]
    [InlineData(1000, "10³")]
    [InlineData(1e-10, "10⁻¹⁰")]
    [InlineData(0.001, "10⁻³")]
    [InlineData(0.01, "0.01")]
    [InlineData(2e-7, "2e-07")]
    [InlineData(0.5, "0.5")]
    public void Rates_read_as_powers_of_ten_where_they_are_one(double lr, string text) => Assert.Equal(text, FinderSettings.Pretty(lr));

    [Fact]
    public void The_settings_become_cores_options_with_the_clis_fixed_smoothing_and_stop()
    {
        var options = new FinderSettings { StartLr = 1e-4, EndLr = 3, Iterations = 40, Mode = RangeTestMode.Linear }.ToOptions();
        Assert.Equal(new RangeTestOptions { StartLr = 1e-4, EndLr = 3, NumIter = 40, Mode = RangeTestMode.Linear, Beta = 0.98, DivergeThreshold = 4 }, options);
    }
}

using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>
/// The lab by keyboard alone, at phone width: the skip link, Tab to the controls, the slider's
/// arrow keys, and the page-wide shortcuts staying out of the way of fields. The full per-page walk
/// is tools/a11y_audit.mjs; this pins the path a keyboard user needs most.
/// </summary>
[Collection("browser")]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task Lab_works_from_the_keyboard_alone()
    {
        var (page, errors) = await browser.OpenAsync("/lab", 360, 740);
        await page.GetByTestId("lr-slider").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var url = page.Url;

        // Skip link: focus lands in <main>, the page stays the lab.
        await page.FocusAsync(".skip-link");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main'");
        Assert.Equal(url, page.Url);

        // Tab from there reaches the slider, then play, step and reset, in that order, each with a ring.
        var reached = new List<string>();
        for (var i = 0; i < 40 && !reached.Contains("reset"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var (id, ring) = await FocusedAsync(page);
            Assert.True(ring, $"no focus ring on {id}");
            if (id is "lr-slider" or "play" or "step" or "reset")
            {
                reached.Add(id);
            }
        }

        Assert.Equal(["lr-slider", "play", "step", "reset"], reached);

        // Enter on the focused reset button is a click; the step button steps.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("1");

        // The slider answers arrow keys; the shortcut does not nudge it a second time.
        var before = await page.GetByTestId("lr-value").InnerTextAsync();
        await page.GetByTestId("lr-slider").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByTestId("lr-value")).Not.ToHaveTextAsync(before);
        var afterOne = await page.GetByTestId("lr-value").InnerTextAsync();
        Assert.Equal("false", await page.GetByTestId("play").GetAttributeAsync("aria-pressed"));

        // Typing in the rate field: space and arrows are text editing, not play or nudge.
        await page.GetByTestId("lr-input").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.WaitForTimeoutAsync(300);
        Assert.Equal("false", await page.GetByTestId("play").GetAttributeAsync("aria-pressed"));
        Assert.Equal(afterOne, await page.GetByTestId("lr-value").InnerTextAsync());
        Assert.Equal("1", await page.GetByTestId("step-count").InnerTextAsync());
        Assert.Empty(errors);
    }

    private static async Task<(string Id, bool Ring)> FocusedAsync(IPage page)
    {
        var result = await page.EvaluateAsync<string[]>("""
            () => {
              const el = document.activeElement;
              const cs = getComputedStyle(el);
              const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
              return [el.getAttribute('data-testid') ?? el.tagName.toLowerCase(), String(ring)];
            }
            """);
        return (result[0], result[1] == "true");
    }
}

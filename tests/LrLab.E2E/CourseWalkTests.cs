using Microsoft.Playwright;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class CourseWalkTests(BrowserFixture browser)
{
    private static readonly LocatorWaitForOptions _wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_student_walks_the_whole_course_answering_every_question()
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                errors.Add($"{r.Status} {r.Url}");
            }
        };
        await page.GotoAsync(browser.Site.Url + "/learn");
        await page.Locator("[data-testid=lesson-link]").First.WaitForAsync(_wait);
        var lessonCount = await page.Locator("[data-testid=lesson-link]").CountAsync();
        Assert.True(lessonCount >= 10);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("learn-index"), FullPage = true });

        await page.Locator("[data-testid=lesson-link]").First.ClickAsync();
        var lessons = 0;
        var questions = 0;
        while (true)
        {
            var article = page.Locator("article.lesson");
            await article.WaitForAsync(_wait);
            var slug = await article.GetAttributeAsync("data-lesson");
            lessons++;

            // The widget runs: pick a quick rate and a verdict appears.
            await page.Locator("button.chip").Last.ClickAsync();
            Assert.Matches("too small|just right|too large|inconclusive", await page.Locator("[data-testid=verdict]").InnerTextAsync());

            if (slug == "what-is-the-learning-rate")
            {
                // Stepped live: reset, then play the 20 updates of α = 0.1 as an animation.
                await page.Locator("button.chip[data-rate='0.1']").ClickAsync();
                await page.Locator("[data-testid=reset]").ClickAsync();
                Assert.Equal("4", await page.Locator(".position").InnerTextAsync());
                await page.Locator("[data-testid=play]").ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=step-count]")).ToHaveTextAsync("20", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
            }

            if (slug == "too-small")
            {
                // Guided experiment: set 0.001 and count the steps; the page confirms what it saw.
                await page.Locator("button.chip[data-rate='0.001']").ClickAsync();
                var done = page.Locator("[data-experiment='count-0.001'] .confirmation");
                await done.WaitForAsync(_wait);
                Assert.Contains("had not converged after 200 steps", await done.InnerTextAsync(), StringComparison.Ordinal);
            }

            if (slug == "too-large")
            {
                // Predict, then run: the run counts only after the prediction is locked in, and the page compares.
                var predict = page.Locator("[data-experiment='predict-0.45']");
                await predict.Locator("input[data-predict-choice='1']").CheckAsync();
                var exact = page.Locator("input.exact");
                await exact.FillAsync("0.45");
                await exact.PressAsync("Enter");
                var confirmation = predict.Locator(".confirmation");
                await confirmation.WaitForAsync(_wait);
                Assert.Contains("and that is what happened", await confirmation.InnerTextAsync(), StringComparison.Ordinal);

                // A first miss explains the misconception and holds the answer back.
                var first = page.Locator("[data-testid=quiz-question]").First;
                await first.Locator("input[data-choice='0']").CheckAsync();
                await first.Locator("[data-testid=quiz-feedback] .misconception").WaitForAsync(_wait);
                await first.ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath("quiz-first-miss") });
                await predict.ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath("predict-then-run") });
            }

            var quiz = page.Locator("[data-testid=quiz-question]");
            var count = await quiz.CountAsync();
            for (var i = 0; i < count; i++)
            {
                await AnswerAsync(quiz.Nth(i));
            }

            questions += count;
            Assert.Equal($"{count} of {count} right", await page.Locator("[data-testid=lesson-score]").InnerTextAsync());
            if (slug == "terrain")
            {
                // The full lab opens under the lesson, started from the lesson's setting.
                await page.Locator("[data-testid=open-full-lab]").ClickAsync();
                var fullLab = page.Locator(".full-lab");
                await fullLab.Locator("[data-testid=verdict]").WaitForAsync(_wait);
                Assert.Equal("0.03", await fullLab.Locator("[data-testid=lr-value]").InnerTextAsync());
                await Assertions.Expect(fullLab.Locator("[data-testid=surface-canvas]")).ToBeVisibleAsync();
                await fullLab.ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lesson-terrain-full-lab") });
            }

            if (slug == "too-large")
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lesson-too-large"), FullPage = true });
            }

            var next = page.Locator("[data-testid=next-lesson]");
            if (await next.CountAsync() == 0)
            {
                break;
            }

            var nextSlug = (await next.GetAttributeAsync("href"))!.Split('/')[^1];
            await next.ClickAsync();
            await page.Locator($"article.lesson[data-lesson='{nextSlug}']").WaitForAsync(_wait);
        }

        Assert.Equal(lessonCount, lessons);
        Assert.True(questions >= 16);

        await page.Locator("[data-testid=course-end]").ClickAsync();
        await page.Locator("[data-testid=lessons-read]").WaitForAsync(_wait);
        Assert.Equal($"{lessonCount} of {lessonCount}", await page.Locator("[data-testid=lessons-read]").InnerTextAsync());
        Assert.StartsWith($"{questions} of {questions} right", await page.Locator("[data-testid=quiz-score]").InnerTextAsync(), StringComparison.Ordinal);

        await Assertions.Expect(page.Locator("[data-testid=course-complete]")).ToBeVisibleAsync();

        // Progress lives in localStorage: it survives a reload.
        await page.ReloadAsync();
        await page.Locator("[data-testid=lesson-link]").First.WaitForAsync(_wait);
        await Assertions.Expect(page.Locator("[data-testid=quiz-score]")).ToContainTextAsync($"{questions} of {questions} right");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Every_lesson_fits_a_360px_phone()
    {
        var (page, errors) = await browser.OpenAsync("/learn/" + "what-is-the-learning-rate", 360, 740);
        var wide = new List<string>();
        while (true)
        {
            var article = page.Locator("article.lesson");
            await page.Locator("[data-testid=verdict]").WaitForAsync(_wait);
            var slug = await article.GetAttributeAsync("data-lesson");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                wide.Add($"{slug}: {overflow}px");
            }

            // Formulas scroll inside their own box rather than widen the page; none should need to.
            var clipped = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('math[display=block]')].filter(m => m.scrollWidth > m.clientWidth + 1).length");
            if (clipped > 0)
            {
                wide.Add($"{slug}: {clipped} formula(s) wider than the screen");
            }

            if (slug is "what-is-the-learning-rate" or "optimizers")
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"lesson-{slug}-phone"), FullPage = true });
            }

            var next = page.Locator("[data-testid=next-lesson]");
            if (await next.CountAsync() == 0)
            {
                break;
            }

            var nextSlug = (await next.GetAttributeAsync("href"))!.Split('/')[^1];
            await next.ClickAsync();
            await page.Locator($"article.lesson[data-lesson='{nextSlug}']").WaitForAsync(_wait);
        }

        Assert.True(wide.Count == 0, "wider than the screen: " + string.Join(", ", wide));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>
    /// Answers a question the way a student who reads the feedback would: a wrong first try (which explains the
    /// misconception and keeps the answer back), a second try, and if that misses too, the answer the feedback reveals.
    /// </summary>
    private static async Task AnswerAsync(ILocator question)
    {
        var feedback = question.Locator("[data-testid=quiz-feedback]");
        var numeric = question.Locator("input.numeric-answer");
        if (await numeric.CountAsync() > 0)
        {
            await numeric.FillAsync("123456");
            await question.Locator("button.check").ClickAsync();
            await feedback.WaitForAsync(_wait);
            Assert.Equal("false", await feedback.GetAttributeAsync("data-correct"));
            Assert.Equal(0, await feedback.Locator(".answer").CountAsync());
            Assert.False(string.IsNullOrWhiteSpace(await feedback.Locator(".misconception").InnerTextAsync()));
            await numeric.FillAsync("654321");
            await question.Locator("button.check").ClickAsync();
            await Assertions.Expect(feedback.Locator(".answer")).ToBeVisibleAsync();
            var answer = await feedback.Locator(".answer").InnerTextAsync();
            await numeric.FillAsync(answer);
            await question.Locator("button.check").ClickAsync();
        }
        else
        {
            // Try the first choice still open; after each miss wait for the page to count it, and once the answer is
            // revealed (second miss) pick it.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var misses = await feedback.CountAsync() > 0 ? int.Parse(await feedback.GetAttributeAsync("data-tries") ?? "0", System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (await feedback.CountAsync() > 0 && await feedback.GetAttributeAsync("data-correct") == "true")
                {
                    break;
                }

                if (await feedback.Locator(".answer").CountAsync() > 0)
                {
                    var answer = await feedback.Locator(".answer").InnerTextAsync();
                    var labels = question.Locator("label.choice");
                    for (var i = 0; i < await labels.CountAsync(); i++)
                    {
                        if ((await labels.Nth(i).InnerTextAsync()).Trim() == answer)
                        {
                            await labels.Nth(i).Locator("input").CheckAsync();
                        }
                    }

                    break;
                }

                await question.Locator("input[data-choice]:not([disabled]):not(:checked)").First.CheckAsync();
                await question.Locator($"[data-testid=quiz-feedback][data-correct='true'], [data-testid=quiz-feedback][data-tries='{misses + 1}']").WaitForAsync(_wait);
                if (await feedback.GetAttributeAsync("data-correct") == "false")
                {
                    // A miss teaches the misconception; the answer shows only after the second.
                    Assert.False(string.IsNullOrWhiteSpace(await feedback.Locator(".misconception").InnerTextAsync()));
                    Assert.Equal(misses + 1 >= 2, await feedback.Locator(".answer").CountAsync() > 0);
                }
            }
        }

        await Assertions.Expect(feedback).ToHaveAttributeAsync("data-correct", "true");
        Assert.False(string.IsNullOrWhiteSpace(await feedback.Locator(".explanation").InnerTextAsync()));
    }
}

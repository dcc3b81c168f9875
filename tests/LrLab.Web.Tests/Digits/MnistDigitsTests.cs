using System.Net;
using LrLab.Core;
using LrLab.Core.Training;
using LrLab.Web.Digits;
using LrLab.Web.Edge;
using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Digits;

/// <summary>
/// The site's one copy of the digits: /finder's network, /edge and the sanity-check lesson share one download and one
/// check; a caller that gives up does not cancel the others; a failed download is tried again.
/// </summary>
public sealed class MnistDigitsTests
{
    private static readonly byte[] _file = TinyMnistFile.Make(train: 40, test: 10, seed: 2);

    [Fact]
    public async Task Finder_edge_and_the_lesson_share_one_download()
    {
        var server = new Server(TinyMnistFile.Gzip(_file));
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://site/") };
        var digits = new MnistDigits(http, DigitDigest.Of(_file));
        var finder = new MnistFinderModel(digits);
        using var edge = new EdgeController(digits, () => Task.CompletedTask, TimeSpan.Zero)
        {
            Settings = new EdgeSettings { Rates = [0.1], Samples = EdgeSettings.MinSamples, Steps = EdgeSettings.MinSteps },
        };

        var lesson = digits.LoadDigitsAsync(CancellationToken.None);
        await Task.WhenAll(finder.LoadAsync(CancellationToken.None), edge.RunAsync(), lesson);

        Assert.Equal(1, server.Requests);
        Assert.Equal(1, digits.Downloads);
        Assert.True(finder.IsLoaded);
        Assert.Equal(40, (await lesson).Train.Count);
        Assert.Same(await lesson, await digits.LoadDigitsAsync(CancellationToken.None));
        Assert.Single(edge.Runs);
    }

    [Fact]
    public async Task A_caller_that_gives_up_leaves_the_download_to_the_others()
    {
        var server = new Server(TinyMnistFile.Gzip(_file)) { Gate = new TaskCompletionSource() };
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://site/") };
        var digits = new MnistDigits(http, DigitDigest.Of(_file));
        using var giveUp = new CancellationTokenSource();

        var first = digits.LoadDigitsAsync(giveUp.Token);
        var second = digits.LoadDigitsAsync(CancellationToken.None);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        server.Gate.SetResult();

        Assert.Equal(40, (await second).Train.Count);
        Assert.Equal(1, server.Requests);
        Assert.True(digits.IsLoaded);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_and_the_next_request_tries_again()
    {
        var server = new Server(TinyMnistFile.Gzip(_file)) { Failures = 1 };
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://site/") };
        var digits = new MnistDigits(http, DigitDigest.Of(_file));

        var e = await Assert.ThrowsAsync<InputException>(() => digits.LoadDigitsAsync(CancellationToken.None));
        Assert.Equal("data/mnist.bin.gz could not be loaded (HTTP 404): the digits are missing from this copy of the site", e.Message);
        Assert.False(digits.IsLoaded);

        Assert.Equal(40, (await digits.LoadDigitsAsync(CancellationToken.None)).Train.Count);
        Assert.Equal(2, server.Requests);
        Assert.Equal(2, digits.Downloads);
    }

    [Fact]
    public async Task A_damaged_file_is_refused_before_anything_trains_on_it()
    {
        var damaged = (byte[])_file.Clone();
        damaged[^1] ^= 0xFF;
        var server = new Server(TinyMnistFile.Gzip(damaged));
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://site/") };
        var finder = new MnistFinderModel(new MnistDigits(http, DigitDigest.Of(_file)));

        var e = await Assert.ThrowsAsync<InputException>(() => finder.LoadAsync(CancellationToken.None));
        Assert.StartsWith("data/mnist.bin.gz: the digit file is damaged: SHA-256 ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(finder.IsLoaded);
    }

    /// <summary>Serves data/mnist.bin.gz, counting requests; may answer 404 first or wait for a gate.</summary>
    private sealed class Server(byte[] body) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        public int Failures { get; init; }

        public TaskCompletionSource? Gate { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.EndsWith("/data/mnist.bin.gz", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            Requests++;
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            return Requests <= Failures
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        }
    }
}

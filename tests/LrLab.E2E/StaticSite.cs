using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace LrLab.E2E;

/// <summary>
/// Serves the published wwwroot on a free loopback port the way any static host would, with the
/// fallback to index.html that client-side routes need.
/// </summary>
public sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSite(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static string Root()
    {
        var root = Environment.GetEnvironmentVariable("LRLAB_WEB_ROOT");
        if (string.IsNullOrEmpty(root))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LrLab.sln")))
            {
                dir = dir.Parent;
            }

            root = dir is null ? string.Empty : Path.Combine(dir.FullName, "artifacts", "web", "wwwroot");
        }

        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            throw new InvalidOperationException($"No published site at '{root}': run ./test.sh (it publishes src/LrLab.Web first) or set LRLAB_WEB_ROOT.");
        }

        return root;
    }

    /// <summary>Serves <paramref name="root"/> (default: the published site, <see cref="Root"/>).</summary>
    public static async Task<StaticSite> StartAsync(string? root = null)
    {
        root ??= Root();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { WebRootPath = root, ContentRootPath = root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".wasm"] = "application/wasm";
        types.Mappings[".dat"] = "application/octet-stream";
        types.Mappings[".webcil"] = "application/octet-stream";
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types, ServeUnknownFileTypes = true });
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSite(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using LrLab.Web;
using LrLab.Web.Interop;
using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddSingleton<LrLab.Web.Finder.IFinderModel>(_ => new LrLab.Web.Finder.MnistFinderModel(new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) }));
builder.Services.AddSingleton<LrLab.Web.Edge.IDigitSource>(_ => new LrLab.Web.Edge.MnistDigitSource(new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) }));
if (OperatingSystem.IsBrowser())
{
    builder.Services.AddSingleton<ICanvasInterop, CanvasInterop>();
    builder.Services.AddScoped<IBrowserStorage, BrowserStorage>();
    builder.Services.AddSingleton<IBrowserInterop, BrowserInterop>();
    builder.Services.AddSingleton<IChartExport, ChartExport>();
}

builder.Services.AddSingleton<IClipboard, BrowserClipboard>();
builder.Services.AddScoped<ProgressService>();

await builder.Build().RunAsync();

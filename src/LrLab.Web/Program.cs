using LrLab.Web;
using LrLab.Web.Interop;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
if (OperatingSystem.IsBrowser())
{
    builder.Services.AddSingleton<ICanvasInterop, CanvasInterop>();
    builder.Services.AddSingleton<IChartExport, ChartExport>();
}

builder.Services.AddSingleton<IClipboard, BrowserClipboard>();
await builder.Build().RunAsync();

using LrLab.Core.Training;
using LrLab.Web;
using LrLab.Web.Digits;
using LrLab.Web.Interop;
using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
// One copy of the digits for /finder, /edge and the sanity-check lesson: fetched and checked once, on first use.
builder.Services.AddSingleton<IDigitData>(_ => new MnistDigits(new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) }));
builder.Services.AddSingleton<LrLab.Web.Finder.IFinderModel>(sp => new LrLab.Web.Finder.MnistFinderModel(sp.GetRequiredService<IDigitData>(), sp.GetRequiredService<IMatrixKernels>()));
if (OperatingSystem.IsBrowser())
{
    // Training's matrix products on the site's WebAssembly SIMD module (same bits as the managed kernels, several times faster), or the managed kernels if it cannot load.
    builder.Services.AddSingleton<IMatrixKernels>(await WasmMatrixKernels.LoadAsync(new Uri(builder.HostEnvironment.BaseAddress)).ConfigureAwait(true));
    builder.Services.AddSingleton<ICanvasInterop, CanvasInterop>();
    builder.Services.AddScoped<IBrowserStorage, BrowserStorage>();
    builder.Services.AddSingleton<IBrowserInterop, BrowserInterop>();
    builder.Services.AddSingleton<IChartExport, ChartExport>();
}
else
{
    builder.Services.AddSingleton<IMatrixKernels>(ManagedMatrixKernels.Instance);
}

builder.Services.AddSingleton<IClipboard, BrowserClipboard>();
builder.Services.AddScoped<ProgressService>();

await builder.Build().RunAsync();

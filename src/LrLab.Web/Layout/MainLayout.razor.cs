using LrLab.Web.Components;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Layout;

public partial class MainLayout
{
    private ElementReference _main;
    private Region? _page;

    // A new page (the layout's Body changes on navigation) starts without the last page's error.
    protected override void OnParametersSet() => _page?.Retry();

    // The skip link cannot be a plain "#main" link: with <base href="/"> it resolves to "/#main", so
    // Blazor's router would leave the current page for the home page. Moving focus keeps the page.
    private async Task SkipToMainAsync() => await _main.FocusAsync();
}

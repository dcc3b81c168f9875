using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Layout;

public partial class MainLayout
{
    private ElementReference _main;

    // The skip link cannot be a plain "#main" link: with <base href="/"> it resolves to "/#main", so
    // Blazor's router would leave the current page for the home page. Moving focus keeps the page.
    private async Task SkipToMainAsync() => await _main.FocusAsync();
}

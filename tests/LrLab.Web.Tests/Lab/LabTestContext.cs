using Bunit;
using LrLab.Web.Components.Lab;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Lab;

/// <summary>A bUnit context with the lab's browser fakes registered and a way to render the lab from a query string.</summary>
public abstract class LabTestContext : BunitContext
{
    protected LabTestContext()
    {
        Services.AddSingleton<ICanvasInterop>(Canvas);
        Services.AddSingleton<IBrowserInterop>(Browser);
    }

    /// <summary>Records what the lab draws.</summary>
    protected RecordingCanvas Canvas { get; } = new();

    /// <summary>Records URL changes and feeds key presses.</summary>
    protected FakeBrowser Browser { get; } = new();

    /// <summary>The lab showing <paramref name="query"/>; URL syncing (a timer) only when <paramref name="sync"/>.</summary>
    protected IRenderedComponent<LabView> RenderLab(string query, bool sync = false)
    {
        var (state, notices) = LabUrl.Parse(query);
        return Render<LabView>(p => p.Add(l => l.State, state).Add(l => l.Notices, notices).Add(l => l.SyncUrl, sync));
    }
}

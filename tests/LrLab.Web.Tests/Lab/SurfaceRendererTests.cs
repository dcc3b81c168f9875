using LrLab.Web.Interop;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class SurfaceRendererTests
{
    private static SurfaceScene Scene(LabSession s) => new(s.Setup, s.Setup.Surface.View, "heat", s.Runs, s.Selected, s.Shown);

    [Fact]
    public void Click_position_maps_back_to_surface_coordinates()
    {
        var session = new LabSession(new LabState());
        var scene = Scene(session);
        var layout = SurfaceRenderer.Layout(scene, 600, 400);
        var point = SurfaceRenderer.PointAt(scene, layout, layout.X.Map(2), layout.Y.Map(-1.5));
        Assert.Equal([2.0, -1.5], point!);
        Assert.Null(SurfaceRenderer.PointAt(scene, layout, 1, 1));
    }

    [Fact]
    public void A_marker_off_the_view_gets_an_arrow_and_its_distance()
    {
        var session = new LabSession(new LabState { Lr = 0.6 });
        session.Advance(12);
        var canvas = new CanvasCommands();
        SurfaceRenderer.Render(Scene(session), 600, 400, canvas);
        var label = Assert.Single(canvas.Texts(), t => t.StartsWith("off view", StringComparison.Ordinal));
        Assert.EndsWith("from the minimum", label, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marker_in_view_has_no_arrow_and_the_minimum_is_labelled()
    {
        var session = new LabSession(new LabState { Lr = 0.05 });
        session.Advance(12);
        var canvas = new CanvasCommands();
        SurfaceRenderer.Render(Scene(session), 600, 400, canvas);
        Assert.DoesNotContain(canvas.Texts(), t => t.StartsWith("off view", StringComparison.Ordinal));
        Assert.Contains("minimum", canvas.Texts());
        Assert.Equal(1, canvas.CountOf(CanvasOp.Image));
    }

    [Fact]
    public void One_dimensional_surfaces_draw_the_loss_curve_instead_of_a_heat_map()
    {
        var session = new LabSession(new LabState { Surface = "parabola", Lr = 0.1 });
        var canvas = new CanvasCommands();
        SurfaceRenderer.Render(Scene(session), 600, 400, canvas);
        Assert.Equal(0, canvas.CountOf(CanvasOp.Image));
        Assert.Contains("loss", canvas.Texts());
    }
}

public sealed class SurfacePreviewTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    public void Whole_path_is_previewed_dashed_only_before_the_first_step(int shown, int previews)
    {
        var session = new LabSession(new LabState { Lr = 0.05 });
        session.Advance(shown);
        var canvas = new CanvasCommands();
        SurfaceRenderer.Render(new SurfaceScene(session.Setup, session.Setup.Surface.View, "heat", session.Runs, 0, session.Shown), 600, 400, canvas);
        var dashes = 0;
        var ops = canvas.Ops;
        for (var i = 0; i < ops.Length; i += CanvasCommands.Length((CanvasOp)ops[i]))
        {
            dashes += (CanvasOp)ops[i] == CanvasOp.Dash && ops[i + 1] > 0 ? 1 : 0;
        }

        Assert.Equal(previews, dashes);
    }
}

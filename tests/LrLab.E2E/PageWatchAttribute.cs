using System.Reflection;
using Xunit.Sdk;

[assembly: LrLab.E2E.PageWatch]

namespace LrLab.E2E;

/// <summary>
/// Applied to the whole assembly: before each test a fresh <see cref="PageWatch"/>, after it a failure listing every
/// console error, page error, foreign request or visible error bar its pages produced.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PageWatchAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest)
    {
        if (UsesBrowser(methodUnderTest))
        {
            BrowserFixture.Current?.BeginTest();
        }
    }

    public override void After(MethodInfo methodUnderTest)
    {
        if (!UsesBrowser(methodUnderTest) || BrowserFixture.Current is not { } fixture)
        {
            return;
        }

        // Off xUnit's synchronisation context: Playwright's continuations must not wait for this thread.
        var problems = Task.Run(fixture.Watch.FinishAsync).GetAwaiter().GetResult();
        if (problems.Count > 0)
        {
            throw new XunitException($"{methodUnderTest.Name}: the pages it opened did what they never may:\n  " + string.Join("\n  ", problems));
        }
    }

    // Browser tests run one at a time in the "browser" collection; others may run beside them and must not reset the watch.
    private static bool UsesBrowser(MethodInfo method) =>
        method.DeclaringType?.GetCustomAttributesData().Any(a =>
            a.AttributeType == typeof(CollectionAttribute) && a.ConstructorArguments.Count == 1 && a.ConstructorArguments[0].Value as string == "browser") == true;
}

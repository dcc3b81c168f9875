using LrLab.Web.Learn;

namespace LrLab.Web.Tests.Learn;

public sealed class ProgressTests
{
    [Fact]
    public void Progress_survives_a_round_trip_through_json()
    {
        var progress = new CourseProgress();
        Assert.True(progress.MarkRead("too-small"));
        Assert.False(progress.MarkRead("too-small"));
        progress.RecordAnswer("lr-w1", true);
        progress.RecordAnswer("lr-role", false);
        progress.CompleteExperiment("too-small", "count-0.001");

        var back = CourseProgress.FromJson(progress.ToJson());
        Assert.True(back.IsRead("too-small"));
        Assert.False(back.IsRead("just-right"));
        Assert.True(back.AnswerOf("lr-w1"));
        Assert.False(back.AnswerOf("lr-role"));
        Assert.Null(back.AnswerOf("lr-loss2"));
        Assert.True(back.IsExperimentDone("too-small", "count-0.001"));
        Assert.Equal(new QuizScore(1, 2, Course.Lessons[0].Quiz.Count), back.Score(Course.Lessons[0].Quiz));
    }

    [Fact]
    public void The_latest_answer_counts()
    {
        var progress = new CourseProgress();
        progress.RecordAnswer("lr-w1", false);
        progress.RecordAnswer("lr-w1", true);
        Assert.Equal(new QuizScore(1, 1, Course.Lessons[0].Quiz.Count), progress.Score(Course.Lessons[0].Quiz));
    }

    [Fact]
    public void Only_an_attempts_first_answer_counts_as_first_try()
    {
        var progress = new CourseProgress();
        progress.RecordAnswer("lr-w1", false, firstTry: true);
        progress.RecordAnswer("lr-w1", true);
        progress.RecordAnswer("lr-role", true, firstTry: true);
        Assert.Equal(new QuizScore(2, 2, Course.Lessons[0].Quiz.Count, FirstTry: 1), progress.Score(Course.Lessons[0].Quiz));

        var back = CourseProgress.FromJson(progress.ToJson());
        Assert.Equal(progress.Score(Course.Lessons[0].Quiz), back.Score(Course.Lessons[0].Quiz));

        // A later visit's attempt replaces the first try: right at once this time.
        back.RecordAnswer("lr-w1", true, firstTry: true);
        Assert.Equal(2, back.Score(Course.Lessons[0].Quiz).FirstTry);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"read\":5}")]
    [InlineData("{\"read\":null,\"answers\":null}")]
    public void Unreadable_storage_gives_empty_progress(string? stored)
    {
        var progress = CourseProgress.FromJson(stored);
        Assert.Empty(progress.ReadLessons);
        Assert.Equal(0, progress.Score(Course.AllQuestions).Answered);
    }

    [Fact]
    public async Task Service_loads_saves_and_resets_through_storage()
    {
        var storage = new FakeStorage();
        storage.Items[ProgressService.StorageKey] = "{\"read\":[\"terrain\"],\"answers\":{\"terrain-kappa\":true}}";
        var service = new ProgressService(storage);
        var changes = 0;
        service.Changed += () => changes++;

        var loaded = await service.LoadAsync();
        Assert.True(loaded.IsRead("terrain"));
        await service.MarkReadAsync("schedules");
        await service.RecordAnswerAsync("sched-cosine", false);
        Assert.Contains("schedules", storage.Items[ProgressService.StorageKey], StringComparison.Ordinal);
        Assert.Contains("\"sched-cosine\":false", storage.Items[ProgressService.StorageKey], StringComparison.Ordinal);
        Assert.Equal(2, changes);

        await service.ResetAsync();
        Assert.False(storage.Items.ContainsKey(ProgressService.StorageKey));
        Assert.Empty(service.Progress.ReadLessons);
        Assert.Equal(3, changes);
    }
}

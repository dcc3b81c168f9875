namespace LrLab.Web.Learn;

/// <summary>Quiz tally.</summary>
/// <param name="Right">Questions whose latest answer was right.</param>
/// <param name="Answered">Questions answered at least once.</param>
/// <param name="Total">Questions asked.</param>
/// <param name="FirstTry">Questions answered right at the first try of their latest attempt.</param>
public readonly record struct QuizScore(int Right, int Answered, int Total, int FirstTry = 0);

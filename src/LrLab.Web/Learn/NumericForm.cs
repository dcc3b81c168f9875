namespace LrLab.Web.Learn;

/// <summary>How a numeric quiz answer is read.</summary>
public enum NumericForm
{
    /// <summary>A plain number; "5 %" still means 0.05 and "1/20" means 0.05.</summary>
    Number,

    /// <summary>A fraction of a whole: 0.6, "60 %", "3/5" and a bare "60" (read as a percentage) are the same answer.</summary>
    Fraction,
}

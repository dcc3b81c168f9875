namespace LrLab.Core.Diagnosis;

/// <summary>
/// Where each finite loss sits in the log: the identity when every value is finite (no ten-million-entry table for
/// a clean log), else an explicit table.
/// </summary>
internal readonly struct IndexMap
{
    private readonly int[]? _table;

    private IndexMap(int length, int[]? table)
    {
        Length = length;
        _table = table;
    }

    public int Length { get; }

    public int this[int i] => _table is null ? i : _table[i];

    public static IndexMap Identity(int length) => new(length, null);

    public static IndexMap Of(int[] table) => new(table.Length, table);
}

namespace LrLab.Web.LossLogs;

/// <summary>A file the user picked or dropped, kept as bytes (a TensorBoard event file is binary).</summary>
/// <param name="Name">The file's name, shown as the run's source.</param>
/// <param name="Bytes">Its content.</param>
public sealed record LoadedFile(string Name, byte[] Bytes);

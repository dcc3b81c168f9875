using System.Diagnostics;

namespace LrLab.Web.Tests.Kernels;

/// <summary>
/// The committed wwwroot/kernels/gemm.wasm is what Kernels/gemm.c builds to today: tools/build_kernels.sh rebuilds it
/// into a temporary file (clang's output is deterministic) and the bytes must match. Needs clang-14, lld-14 and wabt
/// (./test.sh installs them); the site itself needs none of them.
/// </summary>
public sealed class KernelBinaryTests
{
    [Fact]
    public async Task The_committed_module_is_what_the_C_source_builds_to()
    {
        var root = RepositoryRoot();
        var rebuilt = Path.Combine(Path.GetTempPath(), $"lrlab-gemm-{Environment.ProcessId}.wasm");
        try
        {
            var start = new ProcessStartInfo(Path.Combine(root, "tools", "build_kernels.sh")) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(rebuilt);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"tools/build_kernels.sh exited {process.ExitCode}: {await error}{await output}");
            var committed = File.ReadAllBytes(Path.Combine(root, "src", "LrLab.Web", "wwwroot", "kernels", "gemm.wasm"));
            Assert.True(committed.AsSpan().SequenceEqual(File.ReadAllBytes(rebuilt)), "wwwroot/kernels/gemm.wasm is stale: run tools/build_kernels.sh and commit it");
        }
        finally
        {
            File.Delete(rebuilt);
        }
    }

    [Fact]
    public void The_module_imports_only_memory_and_exports_the_two_kernels()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "src", "LrLab.Web", "wwwroot", "kernels", "gemm.wasm"));
        Assert.Equal([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], bytes[..8]); // "\0asm", version 1

        // The sections by id: 2 imports, 7 exports, 11 data; the module must bring no data into the runtime's memory.
        var sections = new Dictionary<byte, byte[]>();
        for (var at = 8; at < bytes.Length;)
        {
            var id = bytes[at++];
            var size = (int)Leb(bytes, ref at);
            sections[id] = bytes[at..(at + size)];
            at += size;
        }

        Assert.False(sections.ContainsKey(11), "the module has a data segment");
        var imports = sections[2];
        var i = 0;
        Assert.Equal(1u, Leb(imports, ref i));
        Assert.Equal("env", Name(imports, ref i));
        Assert.Equal("memory", Name(imports, ref i));
        Assert.Equal(0x02, imports[i]); // a memory
        var exports = sections[7];
        i = 0;
        var count = (int)Leb(exports, ref i);
        var names = new List<string>();
        for (var e = 0; e < count; e++)
        {
            names.Add(Name(exports, ref i));
            i++; // kind
            Leb(exports, ref i);
        }

        Assert.Equal(["dot", "axpy"], names);
    }

    private static uint Leb(byte[] bytes, ref int at)
    {
        uint value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (uint)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static string Name(byte[] bytes, ref int at)
    {
        var length = (int)Leb(bytes, ref at);
        var name = System.Text.Encoding.UTF8.GetString(bytes, at, length);
        at += length;
        return name;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LrLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LrLab.sln not found above " + AppContext.BaseDirectory);
    }
}

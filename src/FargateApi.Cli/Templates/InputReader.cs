using System.Globalization;
using System.Text;

namespace FargateApi.Cli.Templates;

/// <summary>The text of one input: its name as the user gave it (a path, or <c>-</c> for stdin) and its content.</summary>
internal sealed record InputText(string Name, string Text)
{
    /// <summary>Whether the name says JSON (<c>.json</c>), YAML (<c>.yaml</c>, <c>.yml</c>) or neither (stdin, <c>.template</c>…).</summary>
    public bool? NamedJson =>
        Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? true
        : Name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || Name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? false
        : null;
}

/// <summary>An input that cannot be read as text: the one-line reason, without the file name (the caller puts it first).</summary>
internal sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Empty, binary or larger than any template: holds no resource, so a directory search passes over it.</summary>
    public bool NotATemplate { get; init; }
}

/// <summary>
/// Reads the files a command line names, <c>-</c> meaning stdin (once), as UTF-8 text, and turns every way that can fail
/// into one line: a missing file, a directory, no permission, an empty, binary or oversized file. Nothing a user can
/// name makes a verb throw.
/// </summary>
internal sealed class InputReader(Func<Stream> openStdin)
{
    public const string Stdin = "-";

    /// <summary>How messages name an input: its path, or <c>(stdin)</c>.</summary>
    public static string Display(string name) => name == Stdin ? "(stdin)" : name;

    /// <summary>
    /// Larger than any template CloudFormation takes (1 MB from S3, 51,200 bytes inline:
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html), so larger than any
    /// template, event or properties file; such a file is refused before it is read whole.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private int _stdinReads;

    /// <summary>No stdin: reading <c>-</c> gives an empty input (tests, and callers that never read stdin).</summary>
    public static InputReader WithoutStdin { get; } = new(() => Stream.Null);

    /// <exception cref="InputException">The one-line reason it cannot be read.</exception>
    public async Task<InputText> ReadAsync(string name)
    {
        byte[] bytes;
        if (name == Stdin)
        {
            if (Interlocked.Increment(ref _stdinReads) > 1)
            {
                throw new InputException("stdin can be read only once; give the other inputs as files");
            }

            await using var stdin = openStdin();
            bytes = await ReadCappedAsync(stdin).ConfigureAwait(false);
        }
        else
        {
            if (Directory.Exists(name))
            {
                throw new InputException("is a directory; give a file");
            }

            if (!File.Exists(name))
            {
                throw new InputException("no such file");
            }

            try
            {
                await using var file = new FileStream(name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true);
                if (file.CanSeek && file.Length > MaxBytes)
                {
                    throw TooLarge(file.Length);
                }

                bytes = await ReadCappedAsync(file).ConfigureAwait(false);
            }
            catch (UnauthorizedAccessException)
            {
                throw new InputException("cannot be read: permission denied");
            }
            catch (IOException e)
            {
                throw new InputException("cannot be read: " + e.Message);
            }
        }

        return new InputText(Display(name), Decode(bytes));
    }

    private static async Task<byte[]> ReadCappedAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw TooLarge(null);
            }
        }

        return buffer.ToArray();
    }

    private static InputException TooLarge(long? length) => new(string.Create(CultureInfo.InvariantCulture,
        $"is {(length is { } known ? $"{known} bytes" : "over 1 MiB")}, larger than any template, event or properties file (CloudFormation takes templates of at most 1 MB)"))
    {
        NotATemplate = true,
    };

    /// <summary>UTF-8, as CloudFormation reads templates; a byte-order mark is dropped, anything that is not text refused.</summary>
    private static string Decode(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            throw new InputException("is empty") { NotATemplate = true };
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            throw new InputException("is UTF-16 text; save it as UTF-8");
        }

        var zero = Array.IndexOf(bytes, (byte)0);
        if (zero >= 0)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"is not a text file (a NUL byte at offset {zero})")) { NotATemplate = true };
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"is not UTF-8 text (an invalid byte at offset {e.Index})"));
        }
    }
}

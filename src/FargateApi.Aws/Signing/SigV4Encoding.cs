using System.Text;

namespace FargateApi.Aws.Signing;

/// <summary>
/// The one percent-encoding SigV4 accepts: every byte of the UTF-8 form except the unreserved characters
/// <c>A-Z a-z 0-9 - _ . ~</c> becomes <c>%XX</c> with upper-case hex. This is stricter than
/// <see cref="Uri.EscapeDataString(string)"/> only in details that matter to a signature, so we own it.
/// Source: "Create a canonical request", https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
/// </summary>
internal static class SigV4Encoding
{
    private const string UpperHex = "0123456789ABCDEF";

    public static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    /// <summary>Appends <paramref name="value"/> encoded; a '%' in the input is encoded too (that is the "double encoding").</summary>
    public static void AppendEncoded(StringBuilder builder, ReadOnlySpan<char> value)
    {
        if (IsAllUnreservedAscii(value))
        {
            builder.Append(value);
            return;
        }

        int byteCount = Encoding.UTF8.GetByteCount(value);
        Span<byte> bytes = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(value, bytes);
        foreach (byte b in bytes)
        {
            if (IsUnreserved(b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }
    }

    public static string Encode(string value)
    {
        if (IsAllUnreservedAscii(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        AppendEncoded(builder, value);
        return builder.ToString();
    }

    private static bool IsAllUnreservedAscii(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (c > 0x7F || !IsUnreserved((byte)c))
            {
                return false;
            }
        }

        return true;
    }
}

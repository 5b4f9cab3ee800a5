using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace FargateApi.Properties;

/// <summary>
/// Strings and member names out of a <see cref="JsonDocument"/> without its exceptions: JSON may escape a lone UTF-16
/// surrogate (<c>"\ud800"</c>) that no .NET string can hold, and <see cref="JsonDocument"/> does not check that string
/// bytes are UTF-8; <see cref="JsonElement.GetString"/> and <see cref="JsonProperty.Name"/> then throw
/// <see cref="InvalidOperationException"/>. Such a value becomes a problem of its property instead.
/// </summary>
internal static class JsonText
{
    /// <summary>The problem message; names both causes, since the exception does not reliably tell them apart.</summary>
    public const string NotValidText = "is not valid text (it holds invalid UTF-8 or an unpaired UTF-16 surrogate)";

    /// <summary>A JSON string's text; false when it is not a string or not valid text.</summary>
    public static bool TryGetString(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A member's name; false when it is not valid text.</summary>
    public static bool TryGetName(JsonProperty member, [NotNullWhen(true)] out string? name)
    {
        try
        {
            name = member.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FargateApi.Cli.Templates;

/// <summary>
/// A JSON syntax error as the user counts: line and column (from 1, in characters) and what is wrong, without .NET's
/// "LineNumber: 0 | BytePositionInLine: 67" (0-based, in bytes). Trailing commas and comments, which .NET can be told to
/// accept but CloudFormation rejects, are named as such.
/// </summary>
internal static class JsonSyntaxError
{
    public static string Describe(string text, JsonException error)
    {
        var (line, column, index) = Position(text, error.LineNumber ?? 0, error.BytePositionInLine ?? 0);
        var where = string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
        return $"not valid JSON at {where}: {Reason(text, index, error.Message)}";
    }

    /// <summary>The 1-based line and column, and the index into <paramref name="text"/>, of a 0-based line and UTF-8 byte offset.</summary>
    private static (long Line, long Column, int Index) Position(string text, long line, long bytes)
    {
        var index = 0;
        for (var seen = 0L; seen < line && index < text.Length; index++)
        {
            if (text[index] == '\n')
            {
                seen++;
            }
        }

        var column = 0;
        var consumed = 0L;
        while (index < text.Length && consumed < bytes && text[index] != '\n')
        {
            var width = char.IsSurrogatePair(text, index) ? 2 : 1;
            consumed += Encoding.UTF8.GetByteCount(text.AsSpan(index, width));
            index += width;
            column++;
        }

        return (line + 1, column + 1, index);
    }

    private static string Reason(string text, int index, string message)
    {
        if (index < text.Length - 1 && text[index] == '/' && text[index + 1] is '/' or '*')
        {
            return "a comment; JSON has none, and CloudFormation rejects a template that has one";
        }

        if (index < text.Length && text[index] is '}' or ']' && PreviousNonSpace(text, index) == ',')
        {
            return $"a trailing comma before '{text[index]}'; CloudFormation rejects it";
        }

        if (index >= text.Length || text.AsSpan(index).Trim().IsEmpty)
        {
            return "the text ends before the JSON does (an unclosed '{', '[' or string)";
        }

        // .NET's own words, without its position (given above, counted as people count).
        var end = message.IndexOf(" Path: ", StringComparison.Ordinal);
        end = end < 0 ? message.IndexOf(" LineNumber: ", StringComparison.Ordinal) : end;
        return (end < 0 ? message : message[..end]).Trim();
    }

    private static char PreviousNonSpace(string text, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return text[i];
            }
        }

        return '\0';
    }
}

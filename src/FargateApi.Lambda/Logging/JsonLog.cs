using System.Text.Encodings.Web;
using System.Text.Json;

namespace FargateApi.Lambda.Logging;

/// <summary>
/// One JSON object per line on stdout, so CloudWatch Logs Insights discovers the fields
/// (<c>fields step, requestId | filter level = "error"</c>). Only what callers pass is written: the
/// ResponseURL, secrets and NoEcho data never reach this type by construction.
/// </summary>
internal sealed class JsonLog
{
    /// <summary>Quotes and non-ASCII stay readable in the console; the lines are never embedded in HTML.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Longest text of one field. CloudWatch Logs takes at most 256 KB per event (PutLogEvents: "The maximum event size is
    /// 256 KB"); a hostile event's 1 MB ResourceType must not make a line that is dropped or split. 4096 characters keep a
    /// whole Reason (itself at most 4096 bytes) and leave room for every field of a line even in 3-byte UTF-8.
    /// </summary>
    public const int MaxFieldLength = 4096;

    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _scope;
    private readonly Lock _gate;

    public JsonLog(TextWriter output, TimeProvider time)
        : this(output, time, [], new Lock())
    {
    }

    private JsonLog(TextWriter output, TimeProvider time, IReadOnlyList<KeyValuePair<string, string>> scope, Lock gate)
    {
        _output = output;
        _time = time;
        _scope = scope;
        _gate = gate;
    }

    /// <summary>A log whose every line also carries these fields (the request's ids).</summary>
    public JsonLog With(params ReadOnlySpan<(string Name, string? Value)> fields)
    {
        var scope = new List<KeyValuePair<string, string>>(_scope);
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                scope.Add(new(name, value));
            }
        }

        return new JsonLog(_output, _time, scope, _gate);
    }

    public void Info(string step, params ReadOnlySpan<(string Name, object? Value)> fields) => Write("info", step, fields);

    public void Warn(string step, params ReadOnlySpan<(string Name, object? Value)> fields) => Write("warn", step, fields);

    public void Error(string step, params ReadOnlySpan<(string Name, object? Value)> fields) => Write("error", step, fields);

    private void Write(string level, string step, ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", _time.GetUtcNow());
            json.WriteString("level", level);
            foreach (var (name, value) in _scope)
            {
                json.WriteString(name, Bounded(value));
            }

            json.WriteString("step", step);
            foreach (var (name, value) in fields)
            {
                WriteValue(json, name, value);
            }

            json.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            case long number:
                json.WriteNumber(name, number);
                break;
            case double number:
                json.WriteNumber(name, Math.Round(number, 3));
                break;
            case TimeSpan span:
                json.WriteNumber(name, Math.Round(span.TotalMilliseconds));
                break;
            default:
                json.WriteString(name, Bounded(value.ToString()));
                break;
        }
    }

    private static string? Bounded(string? text) =>
        text is { Length: > MaxFieldLength } ? $"{text[..MaxFieldLength]}… ({text.Length} characters, cut)" : text;
}

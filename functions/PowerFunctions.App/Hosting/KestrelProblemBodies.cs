using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Hosting;

/// <summary>
/// Kestrel answers a request it cannot parse — a malformed request line (400), a target over
/// <see cref="KestrelServerLimits.MaxRequestLineSize"/> (414), headers over
/// <see cref="KestrelServerLimits.MaxRequestHeadersTotalSize"/> or <see cref="KestrelServerLimits.MaxRequestHeaderCount"/>
/// (431), headers too slow (408) — itself, before any middleware runs, with an empty body, and no hook lets an app
/// change that answer. This connection middleware sits under Kestrel's HTTP/1.1 writer and gives those answers a
/// problem+json body (the same shape as every other error, no internals) as they are written.
/// <para>
/// How it knows them: Kestrel's own refusals are the only answers on a connection that are a 4xx/5xx with
/// <c>Content-Length: 0</c> and <c>Connection: close</c>, written as one block of headers; every error of the app
/// carries a problem+json body. Anything else passes through untouched, byte for byte.
/// </para>
/// </summary>
public static class KestrelProblemBodies
{
    /// <summary>Adds the rewriting to an endpoint (both hosts call it for every endpoint, through <see cref="KestrelServerOptions.ConfigureEndpointDefaults"/>).</summary>
    public static ListenOptions UseProblemBodies(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => connection =>
        {
            connection.Transport = new RewritingPipe(connection.Transport);
            return next(connection);
        });
        return listen;
    }

    /// <summary>The problem+json answer for Kestrel's empty refusal <paramref name="head"/> (its header block), or null when it is not one.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16 || !head.StartsWith("HTTP/1.1 "u8) || head[9] is not ((byte)'4' or (byte)'5') || !head.EndsWith("\r\n\r\n"u8)
            || head.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0 || head.IndexOf("\r\nConnection: close\r\n"u8) < 0 || head.IndexOf("\r\nContent-Type:"u8) >= 0)
        {
            return null;
        }

        var status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
        var problem = ProblemErrorsStartupFilter.StatusProblem(status);
        var body = JsonSerializer.SerializeToUtf8Bytes(Problems.Body(problem), JsonDefaults.Options);
        var headers = Encoding.ASCII.GetString(head[..^2]).Replace("\r\nContent-Length: 0\r\n", "\r\n", StringComparison.Ordinal);
        var correlation = Guid.NewGuid().ToString("N");
        var rewritten = $"{headers}Content-Type: {Problems.ContentType}\r\nContent-Length: {body.Length}\r\n{HttpPipeline.CorrelationHeader}: {correlation}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(rewritten), .. body];
    }

    private sealed class RewritingPipe(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input { get; } = inner.Input;

        public PipeWriter Output { get; } = new RewritingWriter(inner.Output);
    }

    /// <summary>Passes every write through; a block that is Kestrel's empty refusal is replaced before it is committed.</summary>
    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> _lent;

        public override void Advance(int bytes)
        {
            if (bytes > 0 && _lent.Length >= bytes && Rewrite(_lent.Span[..bytes]) is { } answer)
            {
                // Not yet committed: the next buffer asked for replaces the lent one.
                var span = inner.GetSpan(answer.Length);
                answer.CopyTo(span);
                inner.Advance(answer.Length);
            }
            else
            {
                inner.Advance(bytes);
            }

            _lent = Memory<byte>.Empty;
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _lent = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_lent = inner.GetMemory(sizeHint)).Span;

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
            Rewrite(source.Span) is { } answer ? inner.WriteAsync(answer, cancellationToken) : inner.WriteAsync(source, cancellationToken);
    }
}

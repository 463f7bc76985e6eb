namespace PowerFunctions.App.Config;

/// <summary>OpenTelemetry export: on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter reads the other <c>OTEL_*</c> variables itself).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The OTLP endpoint, or null when nothing is exported.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The service name on every span and metric (<c>OTEL_SERVICE_NAME</c>).</summary>
    public string ServiceName { get; set; } = "powerfunctions";
}

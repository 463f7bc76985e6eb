using PowerFunctions.App.Features.Documents.Sealing;
using PowerFunctions.App.Features.Documents.Storage;
using PowerFunctions.App.Hosting;

namespace PowerFunctions.App.Features.Documents;

/// <summary>Registers the documents feature's services: issuer, verifier, store, seals and font (the module is listed in AddFeatures).</summary>
public static class DocumentServices
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Documents").Get<DocumentOptions>() ?? new DocumentOptions());
        services.AddSingleton<DocumentFont>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<ISealKeyStore, SealKeyStore>();
        services.AddSingleton<DocumentIssuer>();
        services.AddSingleton<IDocumentIssuer>(sp => sp.GetRequiredService<DocumentIssuer>());
        services.AddSingleton<DocumentVerifier>();
        services.AddSingleton<IStartupTask, DocumentStartupTask>();
        return services;
    }
}

using Microsoft.Azure.Functions.Worker;
using PowerFunctions.App.Auth;
using PowerFunctions.App.Config;
using PowerFunctions.App.Hosting;
using PowerFunctions.App.Http;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>
/// Citizen sign-in (API.md, Auth): <c>POST /api/auth/mini-program {code}</c> → <c>{accessToken, expiresIn,
/// refreshToken}</c>, <c>POST /api/auth/refresh {refreshToken}</c>, <c>POST /api/auth/sign-out</c>; the keys of
/// citizen tokens at <c>GET /api/.well-known/jwks.json</c> (standalone also at <c>/.well-known/jwks.json</c>) and a
/// discovery document beside them; proof of identity at <c>POST /api/auth/real-name/nonce</c> and
/// <c>POST /api/auth/real-name {idToken}</c>. Token answers are never cached (<c>Cache-Control: no-store</c>).
/// </summary>
public sealed class SignInFunctions(SignInService signIn, RealNameService realName, CitizenKeyRing keys, AuthOptions options)
{
    [Function("AuthMiniProgram")]
    [Public]
    public async Task<IResult> MiniProgramAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/mini-program")] HttpRequest request, CancellationToken cancellationToken)
    {
        var code = request.ReadJson<CodeBody>().Code;
        if (string.IsNullOrWhiteSpace(code) || !MiniProgramClient.IdPattern().IsMatch(code))
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["code"] = ["须为小程序 wx.login 返回的登录凭证"] });
        }

        var pair = await signIn.SignInAsync(code, Client(request), request.CorrelationId(), cancellationToken).ConfigureAwait(false);
        return NoStore(HttpResult.Ok(pair));
    }

    [Function("AuthRefresh")]
    [Public]
    public async Task<IResult> RefreshAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/refresh")] HttpRequest request, CancellationToken cancellationToken)
    {
        var refreshToken = request.ReadJson<RefreshBody>().RefreshToken;
        if (string.IsNullOrWhiteSpace(refreshToken))
        {
            throw Problems.Validation(new Dictionary<string, string[]> { ["refreshToken"] = ["须提供刷新令牌"] });
        }

        var pair = await signIn.RefreshAsync(refreshToken, Client(request), request.CorrelationId(), cancellationToken).ConfigureAwait(false);
        return NoStore(HttpResult.Ok(pair));
    }

    /// <summary>Ends the session of the caller's citizen token, or of the refresh token in the body; 204.</summary>
    [Function("AuthSignOut")]
    [Public]
    public async Task<IResult> SignOutAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/sign-out")] HttpRequest request, CancellationToken cancellationToken)
    {
        var refreshToken = request.BodyBytes().IsEmpty ? null : request.ReadJson<RefreshBody>().RefreshToken;
        await signIn.SignOutAsync(request.Caller(), refreshToken, request.CorrelationId(), cancellationToken).ConfigureAwait(false);
        return HttpResult.NoContent();
    }

    /// <summary>The JWK Set of citizen tokens: every key still accepted, public parts only.</summary>
    [Function("AuthJwks")]
    [Public]
    public IResult Jwks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/jwks.json")] HttpRequest request)
    {
        _ = request;
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(keys.Jwks());
        return new HttpResult(200, body, "application/jwk-set+json", new Dictionary<string, string>())
            .WithHeader("Cache-Control", "public, max-age=300");
    }

    /// <summary>
    /// Where to find the keys, for validators that start from the issuer (OpenID Connect discovery): with
    /// <c>Auth:Citizen:Issuer</c> set to the app's URL plus <c>/api</c>, this is <c>{issuer}/.well-known/openid-configuration</c>
    /// on both hosts.
    /// </summary>
    [Function("AuthDiscovery")]
    [Public]
    public IResult Discovery([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/openid-configuration")] HttpRequest request)
    {
        var issuer = options.Citizen.Issuer;
        var jwksUri = Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri) && issuerUri.Scheme is "https" or "http"
            ? issuer.TrimEnd('/') + "/.well-known/jwks.json"
            : $"{request.Scheme}://{request.Host}/{StandaloneHttp.RoutePrefix}/.well-known/jwks.json";
        return HttpResult.Ok(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = jwksUri,
            ["id_token_signing_alg_values_supported"] = new[] { CitizenKeyRing.Algorithm },
            ["token_endpoint_auth_methods_supported"] = new[] { "none" },
            ["response_types_supported"] = new[] { "token" },
            ["subject_types_supported"] = new[] { "public" },
        }).WithHeader("Cache-Control", "public, max-age=300");
    }

    [Function("AuthRealNameNonce")]
    [AnyRole(Roles.Citizen)]
    public async Task<IResult> RealNameNonceAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/real-name/nonce")] HttpRequest request, CancellationToken cancellationToken) =>
        NoStore(HttpResult.Ok(await realName.NonceAsync(request.RequireCaller(), cancellationToken).ConfigureAwait(false)));

    [Function("AuthRealName")]
    [AnyRole(Roles.Citizen)]
    public async Task<IResult> RealNameAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/real-name")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.RequireCaller();
        var idToken = request.ReadJson<IdTokenBody>().IdToken;
        var answer = await realName.ProveAsync(caller, idToken, request.CorrelationId(), cancellationToken).ConfigureAwait(false);
        return NoStore(HttpResult.Ok(answer));
    }

    private string Client(HttpRequest request) => ClientAddress.Of(request.HttpContext, options.SignIn.ClientAddressHeader);

    private static HttpResult NoStore(HttpResult result) => result.WithHeader("Cache-Control", "no-store").WithHeader("Pragma", "no-cache");
}

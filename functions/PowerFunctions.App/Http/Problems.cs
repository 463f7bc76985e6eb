using PowerFunctions.Domain.Common;

namespace PowerFunctions.App.Http;

/// <summary>
/// The one place errors become RFC 9457 problem+json: <c>{type, title, status, detail, code, errors?}</c>
/// with a stable <c>code</c> and a Chinese <c>title</c>. Common problems are built here too.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>The HTTP status of each kind of domain error.</summary>
    public static int StatusOf(DomainError error) => error.Kind switch
    {
        ErrorKind.Validation => error.Errors is { Count: > 0 } ? 422 : 400,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Forbidden => 403,
        ErrorKind.TooMany => 429,
        _ => 500,
    };

    public static ProblemException From(DomainError error) =>
        new(StatusOf(error), error.Code, error.Title, error.Detail, error.Errors, error.Extensions);

    /// <summary>Unwraps a result or throws its error as a problem.</summary>
    public static T OrThrow<T>(this Result<T> result) => result.IsSuccess ? result.Value : throw From(result.Error);

    public static ProblemException MalformedJson(string detail) => new(400, "request.malformed_json", "请求体不是有效的 JSON", detail);

    public static ProblemException BodyRequired() => new(400, "request.body_required", "缺少请求体");

    public static ProblemException BadParameter(string name, string detail) =>
        new(400, "request.invalid_parameter", "请求参数无效", detail, new Dictionary<string, string[]> { [name] = [detail] });

    public static ProblemException Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new(422, "request.validation_failed", "请求内容未通过校验", detail ?? string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors);

    /// <summary>401: says only whether the token is missing or invalid, never why a token failed (that would help a forger).</summary>
    public static ProblemException Unauthorized(string detail) => new(401, "auth.unauthorized", "未登录或令牌无效", detail);

    public static ProblemException TokenMissing() => Unauthorized("the Authorization header with a Bearer token is missing");

    public static ProblemException TokenInvalid() => Unauthorized("the token is invalid");

    public static ProblemException Forbidden(string detail) => new(403, "auth.forbidden", "无权执行此操作", detail);

    public static ProblemException NotFound(string code, string title, string? detail = null) => new(404, code, title, detail);

    public static ProblemException RouteNotFound(string path) => new(404, "route.not_found", "请求的地址不存在", $"no route answers {path}");

    public static ProblemException MethodNotAllowed(string method, string path) => new(405, "route.method_not_allowed", "请求方法不被允许", $"{method} is not allowed on {path}");

    public static ProblemException PreconditionFailed(string detail) => new(412, "request.precondition_failed", "数据已被他人修改，请刷新后重试", detail);

    public static ProblemException IdempotencyConflict(string detail) => new(409, "request.idempotency_conflict", "同一幂等键已用于不同的请求", detail);

    public static ProblemException TooLarge(long limit) => new(413, "request.too_large", "请求体过大", $"the body is over the limit of {limit} bytes");

    public static ProblemException UnsupportedMediaType(string? contentType, string? expected = null) =>
        new(415, "request.unsupported_media_type", "不支持的请求内容类型", $"content type '{contentType ?? "(none)"}' is not accepted here" + (expected is null ? string.Empty : $"; send {expected}"));

    public static ProblemException BadRequest(string detail) => new(400, "request.bad_request", "请求无效", detail);

    public static ProblemException Internal(string correlationId) => new(500, "server.error", "服务器内部错误", $"correlation id {correlationId}");

    /// <summary>The problem+json body of <paramref name="problem"/>.</summary>
    public static Dictionary<string, object?> Body(ProblemException problem)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = $"https://powerfunctions.gov.cn/problems/{problem.Code}",
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Detail,
            ["code"] = problem.Code,
        };
        if (problem.Errors is { Count: > 0 })
        {
            body["errors"] = problem.Errors;
        }

        if (problem.Extensions is not null)
        {
            foreach (var (key, value) in problem.Extensions)
            {
                body.TryAdd(key, value);
            }
        }

        return body;
    }
}

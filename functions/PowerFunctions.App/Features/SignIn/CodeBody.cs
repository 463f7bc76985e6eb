namespace PowerFunctions.App.Features.SignIn;

/// <summary><c>POST /api/auth/mini-program</c> body: the login code from <c>wx.login</c>.</summary>
public sealed record CodeBody(string? Code);

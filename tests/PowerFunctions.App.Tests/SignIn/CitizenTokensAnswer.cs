namespace PowerFunctions.App.Tests.SignIn;

/// <summary>A sign-in or refresh answer as the mini-program reads it.</summary>
public sealed record CitizenTokensAnswer(string AccessToken, int ExpiresIn, string RefreshToken);

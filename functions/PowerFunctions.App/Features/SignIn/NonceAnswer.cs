namespace PowerFunctions.App.Features.SignIn;

/// <summary>A nonce to send to the identity service, and for how many seconds it is good.</summary>
public sealed record NonceAnswer(string Nonce, int ExpiresIn);

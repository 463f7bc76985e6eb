using Azure;
using PowerFunctions.Domain.Identity;

namespace PowerFunctions.App.Features.SignIn;

/// <summary>A citizen subject of ours: when it was created and, once proven, its real-name identity (a fingerprint, never the number).</summary>
public sealed record CitizenProfile(string Subject, DateTimeOffset CreatedAt, RealNameProof? RealName, DateTimeOffset? VerifiedAt, ETag ETag);

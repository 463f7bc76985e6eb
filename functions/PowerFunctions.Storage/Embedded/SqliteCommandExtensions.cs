using Microsoft.Data.Sqlite;

namespace PowerFunctions.Storage.Embedded;

/// <summary>Binding values to the store's kept commands without a new parameter object per run.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets the value of the parameter <paramref name="name"/>, adding it the first time; answers the command.</summary>
    public static SqliteCommand Set(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0)
        {
            parameters[index].Value = value ?? DBNull.Value;
        }
        else
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace FeedbackDashboard.Data;

/// <summary>
/// Lets a writer wait out another writer's lock for up to <paramref name="milliseconds"/>, trying again
/// every millisecond. The provider's own retry sleeps 150 ms at a time, and SQLite's busy_timeout backs
/// off to sleeps of 25 to 100 ms after a few tries: with the ingest writer and the pipeline taking turns
/// for a few milliseconds each, the lock sat free while the next writer slept.
/// </summary>
public sealed class SqliteBusyTimeout(int milliseconds) : SqliteConnectionSetup
{
    // The native library Microsoft.Data.Sqlite uses here (SQLitePCLRaw's bundle); with any other, busy_timeout.
    private const string Library = "e_sqlite3";
    private static readonly bool NativeHandler = SQLitePCL.raw.GetNativeLibraryName() == Library;
    private static readonly BusyHandler Handler = WaitOneStep;
    private static readonly IntPtr HandlerPointer = Marshal.GetFunctionPointerForDelegate(Handler);

    [ThreadStatic]
    private static long _waitStarted;

    protected override void Apply(SqliteConnection connection)
    {
        if (NativeHandler)
        {
            sqlite3_busy_handler(connection.Handle!.DangerousGetHandle(), HandlerPointer, milliseconds);
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds};";
        command.ExecuteNonQuery();
    }

    /// <summary>SQLite calls this on the waiting thread, with count 0 at the start of each wait: 1 to try again, 0 to give up.</summary>
    private static int WaitOneStep(IntPtr timeoutMilliseconds, int count)
    {
        if (count == 0)
        {
            _waitStarted = Stopwatch.GetTimestamp();
        }
        else if (Stopwatch.GetElapsedTime(_waitStarted).TotalMilliseconds >= timeoutMilliseconds)
        {
            return 0;
        }
        Thread.Sleep(1);
        return 1;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyHandler(IntPtr timeoutMilliseconds, int count);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_busy_handler(IntPtr database, IntPtr handler, IntPtr timeoutMilliseconds);
}

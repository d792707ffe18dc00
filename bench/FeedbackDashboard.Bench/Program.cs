using FeedbackDashboard.Bench;

return args.FirstOrDefault() switch
{
    "insights" => await InsightsBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench/run.sh insights [--rows 1000000] [--scale 10] [--days 90] [--patterns 1000]");
    return 2;
}

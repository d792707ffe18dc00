using FeedbackDashboard.Bench;

return args.FirstOrDefault() switch
{
    "insights" => await InsightsBenchmark.RunAsync(args[1..]),
    "clustering" => ClusteringBenchmark.Run(args[1..]),
    "issues-scale" => await IssuesScaleBenchmark.RunAsync(args[1..]),
    IssuesScaleBenchmark.RunCommand => await IssuesScaleBenchmark.RunOnceAsync(args[1..]),
    "patterns" => PatternsBenchmark.Run(args[1..]),
    "pipeline" => await PipelineBenchmark.RunAsync(args[1..]),
    "ingest" => await IngestBenchmark.RunAsync(args[1..]),
    "batch" => await BatchBenchmark.RunAsync(args[1..]),
    "push" => await PushBenchmark.RunAsync(args[1..]),
    "circuit" => await CircuitBenchmark.RunAsync(args[1..]),
    "clients" => await ClientsBenchmark.RunAsync(args[1..]),
    "serve" => await BenchHost.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench/run.sh insights [--rows 1000000] [--scale 10] [--days 90] [--patterns 1000]");
    Console.Error.WriteLine("       bench/run.sh clustering [FILE.csv with columns text,category]");
    Console.Error.WriteLine("       bench/run.sh issues-scale [N, default 1000000] [--sample 5000]");
    Console.Error.WriteLine("       bench/run.sh patterns [FILE.csv with columns text,category]");
    Console.Error.WriteLine("       bench/run.sh pipeline [--rate 50] [--seconds 20] [--mixed-rate 2000] [--mixed-seconds 30] [--batch-size 256]");
    Console.Error.WriteLine("       bench/run.sh ingest [--connections 64] [--seconds 20] [--warmup 15]");
    Console.Error.WriteLine("       bench/run.sh batch [--connections 4] [--seconds 10]");
    Console.Error.WriteLine("       bench/run.sh push [--clients 1000] [--tasks 20] [--per-second 2]");
    Console.Error.WriteLine("       bench/run.sh circuit [--pages 20] [--tasks 200]");
    Console.Error.WriteLine("       bench/run.sh clients [--items 50000]");
    return 2;
}

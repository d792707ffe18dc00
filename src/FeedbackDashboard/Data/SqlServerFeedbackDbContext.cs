using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Data;

public sealed class SqlServerFeedbackDbContext(DbContextOptions<SqlServerFeedbackDbContext> options) : FeedbackDbContext(options);

package dev.monocle.auth.internal;

import dev.monocle.platform.Database;
import dev.monocle.platform.RetentionTask;
import java.util.List;

/** The auth module's retention tasks wired by hand, with their default periods. */
public final class AuthRetentionTasks {

  private AuthRetentionTasks() {}

  public static List<RetentionTask> of(Database database) {
    AuthRetention.Sessions sessions = new AuthRetention.Sessions();
    sessions.database = database;
    sessions.days = 30;
    AuthRetention.MfaChallenges challenges = new AuthRetention.MfaChallenges();
    challenges.database = database;
    challenges.days = 1;
    AuthRetention.LockoutCounters lockouts = new AuthRetention.LockoutCounters();
    lockouts.database = database;
    lockouts.days = 1;
    return List.of(sessions, challenges, lockouts);
  }
}

import ArgumentParser

/// Every top-level command, in the order `kata --help` lists them.
enum KataCommands {
    static let all: [any ParsableCommand.Type] = [
        InitCommand.self,
        PersonCommand.self,
        PairCommand.self,
        ChallengeCommand.self,
        TargetCommand.self,
        ConditionCommand.self,
        ObstacleCommand.self,
        EscalateCommand.self,
        EscalationCommand.self,
        CycleCommand.self,
        StoryboardCommand.self,
        ObserveCommand.self,
        WalkCommand.self,
        ChainCommand.self,
        DueCommand.self,
        PracticeCommand.self,
        LossesCommand.self,
        ExportCommand.self,
        ImportCommand.self,
        DemoCommand.self,
        BackupCommand.self,
        CheckCommand.self,
        AccountCommand.self,
        AuditCommand.self,
        ServeCommand.self,
        LoginCommand.self,
        LogoutCommand.self,
        TokenCommand.self,
        SyncCommand.self,
        OutboxCommand.self,
    ]
}

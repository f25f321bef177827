import KataCLI

KataMain.main()

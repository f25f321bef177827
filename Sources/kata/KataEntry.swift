import KataCLI

@main
enum KataEntry {
    static func main() async {
        await KataMain.main()
    }
}

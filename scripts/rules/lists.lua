-- Keyword lists shared by the bundled rules. Each file under lists/ has one
-- term per line; editing one reloads the rule set in a running daemon.
list "militer"       { file = "lists/militer.txt" }
list "olahraga"      { file = "lists/olahraga.txt" }
list "rusia"         { file = "lists/rusia.txt" }
list "rusia_belarus" { file = "lists/rusia_belarus.txt" }
list "alutsista"     { file = "lists/alutsista.txt" }
list "media_negara"  { file = "lists/media_negara.txt" }
list "judol"         { file = "lists/judol.txt" }

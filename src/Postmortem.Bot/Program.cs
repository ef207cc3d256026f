Console.WriteLine("Postmortem Bot: under construction.");

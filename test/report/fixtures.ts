/** A small national framework and local strategies that answer to it, written to exercise every section of the report. */
export const FRAMEWORK = `framework nat-1 "National plan" {
  period 2010-04 to 2013-03
}

priority N1 "Protect communities" {
  aim N1.1 "Target offenders" {
    action 1 "Expand testing on arrest" {
      owner HO
      timing from 2010-04 "From April 2010"
    }
    action 2 "Review prison treatment" {
      owner HO
      timing by 2011-03
    }
  }
  aim N1.2 "Reduce supply" {
    action 3 "Seize more assets" {
      owner HO
      timing by 2014-03
    }
  }
}
`;

export const STRATEGY_A = `strategy "Shire strategy" {
  area "Shire"
  period 2010-04 to 2013-03
  status draft
  framework nat-1
}

priority 1 "Enforcement" {
  owner "Shire Police"
  national aim N1.1
  measure NI 40 "Drug users in treatment"
  commitment 1 "Test everyone arrested for acquisitive crime" {
    supports action 1
    timing 2011-04 to 2012-03
    target increase 20% NI 40 from 10% by 2012-03
  }
  commitment 2 "Review treatment in the local prison" {
    owner "Probation Service"
    supports action 2, 9
    timing "Ongoing"
    target "Contact X households"
  }
  commitment 3 "Work beyond the period" {
    supports action 1
    timing by 2015-03
  }
}

priority 2 "Treatment" {
  commitment 1 "Open a recovery hub" {
    national aim "Reduce supply"
  }
}
`;

export const STRATEGY_B = `strategy "Town strategy" {
  area "Town"
  period 2010-04 to 2013-03
  framework nat-1
}

priority 1 "Enforcement" {
  commitment 1 "Testing on arrest" {
    owner "Town Police"
    supports action 1
    timing 2011
  }
}
`;
